"""A third-party adapter as a plugin package would ship it (used by test_registry)."""
from forumparse.records import Author, Post, Thread


class GuestbookAdapter:
    """Reads 'GUESTBOOK' text dumps: one 'name: message' line per post."""

    name = "guestbook"
    format = "text"
    priority = 0.5
    description = "example plugin"

    def detect(self, doc):
        return 1.0 if doc.text.startswith("GUESTBOOK") else 0.0

    def parse(self, doc, ctx):
        posts = []
        for line in doc.lines[1:]:
            if ":" in line:
                name, _, message = line.partition(":")
                posts.append(Post(author=Author(name=name), body=message.strip()))
        return Thread(title="Guestbook", posts=posts)


class NotAnAdapter:
    pass


def broken_import():
    raise RuntimeError("plugin import exploded")
