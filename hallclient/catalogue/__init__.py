"""The service catalogue as files: JSON/CSV/XLSX import and export with row-level validation.

`formats` reads and writes, `validate` checks rows into domain categories and items, `model` holds a
whole catalogue, `demo` the template and load-test catalogues, `cli` the `hallclient catalog` command.
Applying an import to the hall database is `hallclient.store.catalogue_repo`.
"""
