"""Saving the reader's state without holding up keys.

Every two seconds the reader asks :meth:`StateSaver.save_soon`: if something
changed and no save is under way, it copies the state (a few dictionary
copies, in C) and saves the copy in a worker thread: re-reading the file,
merging what other newsreaders saved, writing it atomically.  The thread
posts :class:`StateSaved` back; the app hands it to :meth:`StateSaver.saved`,
which takes in only what the file had newer (not the whole state again) and
marks the state to save again if the save failed.

On exit :meth:`StateSaver.save_now` waits for a save under way and then
saves everything, whatever the dirty flag says: the last save is complete.

A timeline (``*`` a change, ``[ ]`` a save in the thread)::

    UI      *  copy  *   *    (2 s: still saving, skip)   saved  copy
    thread        [ save the copy ......................]       [ ...
"""

from __future__ import annotations

import threading
from functools import partial

from textual.app import App
from textual.message import Message

from reader.state import State, StateStore


class StateSaved(Message):
    """A background save finished (posted to the app from the saving thread)."""

    def __init__(self, incoming: State, failed: bool, warning: str | None) -> None:
        super().__init__()
        self.incoming = incoming  # what the file held newer than the copy saved
        self.failed = failed
        self.warning = warning


class StateSaver:
    """One save at a time, off the UI thread; the final one on it."""

    def __init__(self, app: App, store: StateStore) -> None:
        self._app = app
        self._store = store
        self._lock = threading.Lock()  # held while writing: the final save waits for it
        self.saving = False  # a save is under way (UI thread's view)

    def save_soon(self, state: State) -> None:
        """Start saving ``state`` in a thread if it changed and no save is under way."""
        if self.saving or not state.dirty:
            return
        snapshot = state.copy()
        state.dirty = False  # changes from now on go with the next save
        self.saving = True
        self._app.run_worker(partial(self._save, snapshot), thread=True, group="state")

    def _save(self, snapshot: State) -> None:
        """(Worker thread.)  Save, and tell the app what came back from the file."""
        before = snapshot.copy()
        with self._lock:
            warning = self._store.save(snapshot)  # merges the file into the snapshot
        self._app.post_message(StateSaved(snapshot.newer_than(before), snapshot.dirty, warning))

    def saved(self, state: State, message: StateSaved) -> str | None:
        """(UI thread.)  A save finished: take in what other newsreaders saved;
        a failed one is tried again with the next.  Returns the warning, if any."""
        self.saving = False
        state.merge(message.incoming)
        if message.failed:
            state.dirty = True
        return message.warning

    def save_now(self, state: State) -> str | None:
        """Save everything now, after any save under way (on exit)."""
        with self._lock:
            state.dirty = True
            return self._store.save(state)
