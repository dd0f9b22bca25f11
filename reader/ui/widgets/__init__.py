"""The widgets of the reader's main screen (and the virtual list the views share)."""
