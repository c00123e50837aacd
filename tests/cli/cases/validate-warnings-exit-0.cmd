"$OWNERTRACE" validate warnings.yaml
