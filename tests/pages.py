"""Reading generated pages the way a browser parses them, without a browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def assert_self_contained(page: str) -> None:
    tags = parse(page)
    assert "script" not in [t for t, _ in tags.tags]
    assert all(a.get("rel") == "icon" for t, a in tags.tags if t == "link")  # no stylesheet
    for tag, attrs in tags.tags:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not re.match(r"[a-z]+:", value) or value == "data:,", (tag, value)
    assert "@import" not in page and not re.search(r"url\([^#]", page)
