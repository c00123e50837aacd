"$OWNERTRACE" validate bad/bad-xml-share-min-max.xml
