"$OWNERTRACE" validate bad/bad-yaml-nul.yaml
