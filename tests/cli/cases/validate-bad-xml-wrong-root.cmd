"$OWNERTRACE" validate bad/bad-xml-wrong-root.xml
