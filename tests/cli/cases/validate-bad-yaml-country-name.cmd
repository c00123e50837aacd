"$OWNERTRACE" validate bad/bad-yaml-country-name.yaml
