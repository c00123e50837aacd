"$OWNERTRACE" validate bad/bad-yaml-kind-product-of.yaml
