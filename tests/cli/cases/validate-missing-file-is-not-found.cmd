"$OWNERTRACE" validate no-such-file.yaml
