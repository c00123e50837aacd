"$OWNERTRACE" validate bad/bad-xml-missing-attribute.xml
