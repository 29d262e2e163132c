import sys

from hallclient.cli import main

sys.exit(main())
