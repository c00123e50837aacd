"$OWNERTRACE" validate bad/bad-yaml-scope-bool-string.yaml
