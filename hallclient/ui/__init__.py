"""The desktop app: one Qt package per role (clerk, supervisor, kiosk, display) on `hallclient.ui.common`.

The UI talks only to a hall node over HTTP/WebSocket (through `common.bridge.HallBridge`), never to the
database. `hallclient.ui.app.run(args)` is the entry point `hallclient` (no sub-command) calls.
"""
