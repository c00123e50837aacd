"$OWNERTRACE" validate bad/bad-yaml-bad-regex.yaml
