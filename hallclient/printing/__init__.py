"""Printable sheets (guide posters, item guides, the catalogue booklet) rendered with reportlab, no Qt.

Renderers write to a path or a binary file object, so the supervisor console can hand the PDF to Qt's
print dialog and the command line can save it.
"""
