"$OWNERTRACE" convert xml/full.xml "$TMP/full.xml" && cmp xml/full.xml "$TMP/full.xml" && echo same
