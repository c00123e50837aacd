"$OWNERTRACE" validate bad/bad-xml-syntax.xml
