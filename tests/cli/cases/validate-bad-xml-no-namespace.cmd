"$OWNERTRACE" validate bad/bad-xml-no-namespace.xml
