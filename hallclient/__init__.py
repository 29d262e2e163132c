"""hallclient: queue calls, tidal windows, green channel and QR guides for a government service hall."""

__version__ = "0.1.0"
