"""The city's side of the central store: monthly partitions, the daily summaries the reports read, the
reports themselves, and the read-only city view (`hallclient central serve`)."""
