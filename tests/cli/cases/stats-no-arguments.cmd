"$OWNERTRACE" stats --data warnings.yaml extra
