"""The hall node: the LAN service (HTTP + WebSocket) that owns the hall database and serves every role.

`app.create_app` builds the FastAPI app; `client` is what the desktop roles use to talk to it.
"""
