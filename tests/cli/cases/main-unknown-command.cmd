"$OWNERTRACE" frobnicate
