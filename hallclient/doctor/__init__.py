"""`hallclient doctor`: checks a PC can run hallclient and says how to fix what is missing.

`checks` holds the checks, `qt_platform` the Qt platform plugin diagnosis (also used by the desktop app
before it creates its QApplication), `probe` the parts that need Qt and run in a child process (so a Qt
abort cannot take the doctor down with it), `cli` the command.
"""
