"$OWNERTRACE" validate bad/bad-xml-kind.xml
