"$OWNERTRACE" validate bad/bad-yaml-entry-no-sources.yaml
