"""Clerk logic without widgets: the session/actions controller, the waiting-list model, today's figures."""
