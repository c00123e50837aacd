"$OWNERTRACE" --version
