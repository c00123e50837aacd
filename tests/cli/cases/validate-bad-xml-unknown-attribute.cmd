"$OWNERTRACE" validate bad/bad-xml-unknown-attribute.xml
