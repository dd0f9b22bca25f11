"""The reader's full-screen views and dialogs: help, export, speakers, stories."""
