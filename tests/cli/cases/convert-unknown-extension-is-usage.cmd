"$OWNERTRACE" convert warnings.yaml out.txt
