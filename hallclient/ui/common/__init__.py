"""Shared pieces every role builds on: bridge to the hall node, settings, i18n, fonts, theme, embedded node.

See README.md in this folder for the API and the `open_role(bridge, settings)` contract.
"""
