"""The text path: a tokenizer for dumped text and the layout heuristics that group tokens into posts."""
