"""Every key of the reader, defined once.

Each :class:`Key` says which key does what, where it works, whether the
footer shows it, and its ``id`` (the name a ``[keys]`` table in the config
file remaps it by).  Everything else is generated from :data:`KEYS`: the
``BINDINGS`` of the app and its views (:func:`bindings`), the app's
``check_action`` gates (:data:`MAIN_SCREEN_ACTIONS`,
:data:`TYPED_KEY_ACTIONS`), the help screen (:func:`help_groups`), the
command palette's actions (:func:`palette_keys`) and the README's key table
(:func:`readme_table`; a test fails when the README disagrees: print the
table with ``python -m reader.ui.keys``).

>>> [key.id for key in KEYS if key.footer and key.owner == APP]
['search', 'speakers', 'stories', 'help', 'quit']
>>> sorted(MAIN_SCREEN_ACTIONS & TYPED_KEY_ACTIONS)
['cycle_sort', 'export', 'search', 'speakers', 'stories']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType

# Where a key works (the help screen's and the README's groups, in this order).
ARTICLES = "Article list"
READING = "Reading"
SEARCH = "Search"
SPEAKERS = "Speakers view"
STORIES = "Stories view"
ANYWHERE = "Anywhere"
DIALOGS = "Dialogs"
PLACES = (ARTICLES, READING, SEARCH, SPEAKERS, STORIES, ANYWHERE, DIALOGS)

# Who binds it: the class whose BINDINGS hold it ("" : Textual's own widgets
# handle it; it is listed for help and the README only).
APP, PANE, SEARCH_PANEL, SPEAKERS_VIEW, STORIES_VIEW, HELP_VIEW, EXPORT_VIEW = (
    "app", "pane", "search", "speakers", "stories", "help", "export",
)

# When the app's keys are on: "main" - on the reader's screen only (not over a
# dialog or a view); "typed" - also not while a text field has focus (the key
# is text being typed); "always".
MAIN, TYPED, ALWAYS = "main", "typed", "always"


@dataclass(frozen=True)
class Key:
    id: str  # the name to remap it by in the config's [keys] table
    key: str  # Textual key names, comma-separated
    action: str  # the action it runs ("" for a key Textual's widgets handle)
    label: str  # short, for the footer and the palette
    help: str  # what it does, for the help screen and the README
    where: str  # one of PLACES
    owner: str = APP  # whose BINDINGS hold it
    display: str = ""  # how to show the key ("" : the key itself)
    footer: bool = False  # shown in the footer
    priority: bool = False
    gate: str = MAIN  # for the app's keys: when they are on

    @property
    def shown(self) -> str:
        return self.display or self.key


KEYS: tuple[Key, ...] = (
    # --- the article list ---------------------------------------------------------
    Key("next_article", "j", "move(1)", "Next article", "next article, opening it (from anywhere in the reader)",
        ARTICLES),
    Key("previous_article", "k", "move(-1)", "Previous article", "previous article, opening it", ARTICLES),
    Key("list_cursor", "", "", "", "next / previous article in the list (opens it)", ARTICLES, owner="",
        display="↓ / ↑"),
    Key("list_click", "", "", "", "open the clicked article", ARTICLES, owner="", display="click"),
    Key("bookmark", "m", "toggle_bookmark", "Bookmark", "bookmark the open article (again to remove)", ARTICLES),
    Key("read", "u", "toggle_read", "Read / unread", "mark the open article read / unread", ARTICLES),
    Key("filter", "f", "cycle_filter", "Filter", "filter the list: all, unread, bookmarked, grouped by story",
        ARTICLES),
    Key("feed_filter", "F", "cycle_feed", "Feed", "show one feed's articles (again: the next feed, then every article)",
        ARTICLES),
    Key("refresh_feed", "r", "refresh_feeds('open')", "Refresh feed",
        "refresh the open article's feed, in the background", ARTICLES),
    Key("refresh_all", "R", "refresh_feeds('all')", "Refresh all",
        "refresh every feed in the background; new articles are listed as they arrive", ARTICLES),
    Key("sort", "S", "cycle_sort", "Sort", "sort the list: as loaded, date, outlet, title, most quotes", ARTICLES,
        priority=True, gate=TYPED),
    # --- reading --------------------------------------------------------------------
    Key("page_down", "space", "scroll_page(1)", "Page down", "scroll the article down a page", READING),
    Key("page_down_key", "pagedown", "scroll_page(1)", "Page down", "scroll the article down a page", READING,
        display="pgdn", priority=True),
    Key("page_up", "b", "scroll_page(-1)", "Page up", "scroll the article up a page", READING),
    Key("page_up_key", "pageup", "scroll_page(-1)", "Page up", "scroll the article up a page", READING,
        display="pgup", priority=True),
    Key("line", "", "", "", "scroll a line, in the reading pane", READING, owner="", display="↓ / ↑"),
    Key("top", "g", "scroll_edge('top')", "Top", "top of the article", READING),
    Key("bottom", "G", "scroll_edge('bottom')", "Bottom", "bottom of the article", READING),
    Key("next_quote", "right_square_bracket", "quote(1)", "Next quote",
        "next quotation (and how its speaker was found), from anywhere in the reader", READING, display="]"),
    Key("previous_quote", "left_square_bracket", "quote(-1)", "Previous quote", "previous quotation", READING,
        display="["),
    Key("open_url", "o", "open_url", "Open in browser", "open the article's web address in the browser", READING),
    Key("copy_quote", "y", "copy_card", "Copy quote", "copy the quotation chosen with ] / [ as a citation", READING),
    Key("only_speaker", "", "", "", "in the speakers panel: show only that speaker's quotes", READING, owner="",
        display="enter"),
    Key("all_speakers", "escape", "all_speakers", "All speakers", "show every speaker's quotes again", READING),
    # --- search -----------------------------------------------------------------------
    Key("search", "slash", "search", "Search", "search quotes, speakers (@name), titles and text, as you type", SEARCH,
        display="/", footer=True, priority=True, gate=TYPED),
    Key("search_next", "down,ctrl+n", "move(1)", "Next result", "next result (previews it)", SEARCH,
        owner=SEARCH_PANEL, display="↓ / ctrl+n"),
    Key("search_previous", "up,ctrl+p", "move(-1)", "Previous result", "previous result (previews it)", SEARCH,
        owner=SEARCH_PANEL, display="↑ / ctrl+p"),
    Key("search_open", "enter", "open", "Open", "open the article at the hit, highlighted", SEARCH, owner=SEARCH_PANEL,
        footer=True),
    Key("search_close", "escape", "close", "Back", "back to where you were", SEARCH, owner=SEARCH_PANEL, footer=True),
    Key("search_results", "", "", "", "from the query to the results (then e exports them)", SEARCH, owner="",
        display="tab"),
    Key("next_hit", "n", "next_hit(1)", "Next hit", "next hit of the last search", SEARCH),
    Key("previous_hit", "N", "next_hit(-1)", "Previous hit", "previous hit of the last search", SEARCH),
    # --- the speakers view --------------------------------------------------------------
    Key("speakers", "s", "speakers", "Speakers", "speakers: everyone quoted in the corpus, and what they said",
        ANYWHERE, footer=True, priority=True, gate=TYPED),
    Key("speakers_back", "escape", "close", "Back", "back to the reader", SPEAKERS, owner=SPEAKERS_VIEW,
        footer=True),
    Key("speakers_anonymous", "a", "toggle_anonymous", "Anonymous",
        "show or hide anonymous sources (traders, officials)",
        SPEAKERS, owner=SPEAKERS_VIEW, footer=True),
    Key("speakers_copy", "y", "copy_card", "Copy quote", "copy the highlighted quote as a citation", SPEAKERS,
        owner=SPEAKERS_VIEW, footer=True),
    Key("speakers_down", "down", "move(1)", "Next", "next speaker (or quote, in the quotes)", SPEAKERS,
        owner=SPEAKERS_VIEW, display="↓"),
    Key("speakers_up", "up", "move(-1)", "Previous", "previous speaker (or quote)", SPEAKERS, owner=SPEAKERS_VIEW,
        display="↑"),
    Key("speakers_enter", "", "", "", "on a speaker: to their quotes; on a quote: open it in the reader", SPEAKERS,
        owner="", display="enter"),
    # --- the stories view ----------------------------------------------------------------
    Key("stories", "t", "stories", "Stories", "stories: the same event across outlets, who quoted whom", ANYWHERE,
        footer=True, priority=True, gate=TYPED),
    Key("stories_back", "escape", "close", "Back", "back to the reader", STORIES, owner=STORIES_VIEW, footer=True),
    Key("stories_enter", "", "", "", "on a story: to its reports and shared quotes; on one: open it", STORIES,
        owner="", display="enter"),
    # --- anywhere -------------------------------------------------------------------------
    Key("export", "e", "export", "Export", "export what is on screen: the article's quotes, or the search results",
        ANYWHERE, priority=True, gate=TYPED),
    Key("palette", "ctrl+p", "command_palette", "Palette",
        "command palette: every action, any article by title, themes",
        ANYWHERE, priority=True, gate=ALWAYS),
    Key("focus", "", "", "", "move focus between panes", ANYWHERE, owner="", display="tab / shift+tab"),
    Key("help", "question_mark", "help", "Help", "this help: every key", ANYWHERE, display="?", footer=True,
        gate=ALWAYS),
    Key("quit", "q", "quit", "Quit", "quit", ANYWHERE, footer=True, gate=ALWAYS),
    # --- dialogs -----------------------------------------------------------------------------
    Key("help_close", "escape,q,question_mark", "dismiss", "Close help", "close the help", DIALOGS, owner=HELP_VIEW,
        display="escape / q / ?", footer=True),
    Key("export_save", "", "", "", "in the export dialog: save (asks before replacing a file)", DIALOGS, owner="",
        display="enter"),
    Key("export_cancel", "escape", "cancel", "Cancel", "close the export dialog without saving", DIALOGS,
        owner=EXPORT_VIEW, footer=True),
)

BY_ID: dict[str, Key] = {key.id: key for key in KEYS}


def _action_name(action: str) -> str:
    return action.split("(", 1)[0]


MAIN_SCREEN_ACTIONS = frozenset(_action_name(k.action) for k in KEYS if k.owner == APP and k.gate in (MAIN, TYPED))
TYPED_KEY_ACTIONS = frozenset(_action_name(k.action) for k in KEYS if k.owner == APP and k.gate == TYPED)


def bindings(owner: str) -> list[BindingType]:
    """The ``BINDINGS`` of ``owner`` (one of the owner names above)."""
    return [
        Binding(
            key.key,
            key.action,
            key.label,
            show=key.footer,
            key_display=key.display or None,
            priority=key.priority,
            id=key.id,
        )
        for key in KEYS
        if key.owner == owner
    ]


def check_keymap(keymap: Mapping[str, object]) -> tuple[dict[str, str], list[str]]:
    """The usable part of a ``[keys]`` table (id -> keys) and a message per problem."""
    usable: dict[str, str] = {}
    problems: list[str] = []
    for key_id, keys in keymap.items():
        key = BY_ID.get(key_id)
        if key is None or not key.owner:
            problems.append(f"[keys] {key_id!r} is not a key id (see ? or the README's key table); ignored")
        elif not isinstance(keys, str) or not keys.strip() or any(not part.strip() for part in keys.split(",")):
            problems.append(f"[keys] {key_id!r} must be a key name such as \"ctrl+f\" or \"f3,ctrl+f\"; ignored")
        else:
            usable[key_id] = ",".join(part.strip() for part in keys.split(","))
    return usable, problems


def shown_key(key: Key, keymap: Mapping[str, str] | None = None) -> str:
    """How the help shows a key: as remapped in ``keymap``, else its display."""
    if keymap and key.id in keymap:
        return " / ".join(_pretty(part) for part in keymap[key.id].split(","))
    return key.shown


_PRETTY = {"slash": "/", "question_mark": "?", "right_square_bracket": "]", "left_square_bracket": "["}


def _pretty(name: str) -> str:
    return _PRETTY.get(name, name)


def help_groups(keymap: Mapping[str, str] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key, grouped by where it works: ``[(place, [(key, what it does)])]``."""
    return [
        (place, [(shown_key(key, keymap), key.help) for key in KEYS if key.where == place])
        for place in PLACES
    ]


def palette_keys() -> Iterable[Key]:
    """The app's actions, for the command palette (not the palette itself)."""
    seen: set[str] = set()
    for key in KEYS:
        if key.owner == APP and key.id != "palette" and key.action not in seen:
            seen.add(key.action)
            yield key


README_HEADER = "| key | where | what it does | id |\n|---|---|---|---|"


def readme_table() -> str:
    """The README's key table (Markdown), from :data:`KEYS`."""
    rows = [README_HEADER]
    for place in PLACES:
        for key in KEYS:
            if key.where == place:
                key_id = f"`{key.id}`" if key.owner else ""
                rows.append(f"| `{key.shown}` | {place} | {key.help} | {key_id} |")
    return "\n".join(rows)


if __name__ == "__main__":  # pragma: no cover - prints the README's table
    print(readme_table())
