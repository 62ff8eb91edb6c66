#!/usr/bin/env python3
"""The three-tier sample (Samples/k8s-three-tier.yaml) written for pytm, the peer tool the
benchmark compares with: `python3 three_tier_pytm.py --dfd | dot -Tsvg > out.svg`.
Same boundaries, elements and flows; pytm has no threat-actor or control objects."""
from pytm import TM, Actor, Boundary, Dataflow, Datastore, Server

tm = TM("Three-tier web application on Kubernetes")
tm.description = "Nginx front end, Node.js API and MySQL in one production cluster."
tm.isOrdered = True

prod = Boundary("Production cluster")
node = Boundary("Worker node 1")
node.inBoundary = prod
namespaces, pods, containers = {}, {}, {}
for tier in ("frontend", "backend", "database"):
    namespaces[tier] = Boundary(tier)
    namespaces[tier].inBoundary = node
for tier, name in (("frontend", "nginx"), ("backend", "api"), ("database", "mysql-0")):
    pods[tier] = Boundary(name + " pod")
    pods[tier].inBoundary = namespaces[tier]
    containers[tier] = Boundary(name.split("-")[0] + " container")
    containers[tier].inBoundary = pods[tier]

user = Actor("User")
nginx = Server("Nginx front end")
nginx.inBoundary = containers["frontend"]
api = Server("REST API")
api.inBoundary = containers["backend"]
mysql = Datastore("MySQL")
mysql.inBoundary = containers["database"]

request = Dataflow(user, nginx, "1. HTTPS request")
request.protocol = "HTTPS"
request.dstPort = 443
call = Dataflow(nginx, api, "2. REST call")
call.protocol = "HTTPS"
call.dstPort = 8443
query = Dataflow(api, mysql, "3. SQL queries")
query.protocol = "MySQL"
query.dstPort = 3306

if __name__ == "__main__":
    tm.process()
