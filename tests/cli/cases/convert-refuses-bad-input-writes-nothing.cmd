"$OWNERTRACE" convert bad/bad-yaml-share-over-100.yaml "$TMP/never.xml"; test ! -e "$TMP/never.xml"
