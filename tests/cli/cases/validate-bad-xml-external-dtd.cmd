"$OWNERTRACE" validate bad/bad-xml-external-dtd.xml
