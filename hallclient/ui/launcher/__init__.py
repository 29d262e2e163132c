"""The launcher: pick the role, the hall node address and the language; remembered per user."""

from hallclient.ui.launcher.dialog import LauncherDialog

__all__ = ["LauncherDialog"]
