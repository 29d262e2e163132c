"""Clerk widgets: login, current-ticket panel, action dialogs, the main window."""
