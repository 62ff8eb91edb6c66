#!/usr/bin/env python3
"""Kubernetes manifests for the `trustflow import k8s` benchmark: N Deployments, each with a
Service, spread over namespaces, each workload calling two others through environment values
(`name:port`, a URL, `name.namespace.svc.cluster.local:port`), a ConfigMap per namespace, a
default-deny NetworkPolicy per namespace and one policy per workload, and every tenth Service
a LoadBalancer. Deterministic: the same N gives the same bytes.

With --drift (the `trustflow drift` benchmark) the policies are what a reachability evaluator
finds hard instead: exactly one per workload and no default-deny, each isolating its workload
for ingress (from its namespace's front tier on a named port, from the workloads of a team's
namespaces by namespaceSelector, every seventh from an ipBlock with an except) and, for four
workloads in five, for egress (DNS in any namespace, two callees in other namespaces by
namespaceSelector and podSelector, every ninth to an ipBlock), Namespaces labelled by team.

    Benchmarks/generate_manifests.py 1000 > /tmp/k8s-1000.yaml
    Benchmarks/generate_manifests.py 1000 --namespaces 50 > /tmp/k8s-1000.yaml
    Benchmarks/generate_manifests.py 1000 --namespaces 50 --drift > /tmp/k8s-drift-1000.yaml
"""
import argparse
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workloads", type=int, help="how many Deployments (each with its Service)")
    parser.add_argument("--namespaces", type=int, default=20, help="how many namespaces they are spread over")
    parser.add_argument("--seed", type=int, default=1, help="seed of the choices (calls, exposure)")
    parser.add_argument("--drift", action="store_true", help="policies for the reachability benchmark (see above)")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    count = arguments.workloads
    namespaces = [f"team-{n:02d}" for n in range(max(1, arguments.namespaces))]
    names = [(f"svc-{i:04d}", namespaces[i % len(namespaces)]) for i in range(count)]
    out = []
    for position, namespace in enumerate(namespaces):
        upstream = names[position % count][0] if position < count else names[0][0]
        team = f"\n    team: team-{position % 5}" if arguments.drift else ""
        default_deny = "" if arguments.drift else f"""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: {namespace}
spec:
  podSelector: {{}}
  policyTypes: [Ingress, Egress]
---
"""
        out.append(f"""apiVersion: v1
kind: Namespace
metadata:
  name: {namespace}
  labels:
    pod-security.kubernetes.io/enforce: restricted{team}
---
{default_deny}apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: {namespace}
data:
  LOG_LEVEL: info
  UPSTREAM: "{upstream}:80"
""")
    for index, (name, namespace) in enumerate(names):
        callees = [names[rng.randrange(count)] for _ in range(2)]
        env = []
        for position, (callee, callee_namespace) in enumerate(callees):
            if callee_namespace == namespace:
                value = f"{callee}:80" if position == 0 else f"http://{callee}/api"
            else:
                value = f"{callee}.{callee_namespace}.svc.cluster.local:80"
            env.append(f"            - {{name: PEER_{position}_ADDR, value: \"{value}\"}}")
        service_type = "LoadBalancer" if index % 10 == 0 else "ClusterIP"
        tier = "front" if arguments.drift and index % 4 == 0 else "backend"
        policy = drift_policy(index, name, namespace, callees, rng) if arguments.drift else network_policy(name, namespace, """  ingress:
    - from:
        - podSelector: {matchLabels: {tier: backend}}
      ports:
        - {port: http}
""")
        out.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {namespace}
spec:
  replicas: 2
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}, tier: {tier}}}
    spec:
      serviceAccountName: {name}
      securityContext:
        runAsNonRoot: true
        seccompProfile: {{type: RuntimeDefault}}
      containers:
        - name: server
          image: registry.example.com/{namespace}/{name}:1.{index % 7}.0
          ports:
            - {{name: http, containerPort: 8080}}
          env:
{chr(10).join(env)}
          envFrom:
            - configMapRef: {{name: settings}}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {{drop: [ALL]}}
          resources:
            limits: {{cpu: 500m, memory: 256Mi}}
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: {namespace}
spec:
  type: {service_type}
  selector: {{app: {name}}}
  ports:
    - {{name: http, port: 80, targetPort: http}}
---
{policy}""")
    print("---\n".join(out), end="")


def drift_policy(index, name, namespace, callees, rng):
    """The one policy of a workload in --drift mode."""
    team = f"team-{rng.randrange(5)}"
    ingress = f"""    - from:
        - podSelector: {{matchLabels: {{tier: front}}}}
      ports: [{{port: http}}]
    - from:
        - namespaceSelector: {{matchLabels: {{team: {team}}}}}
          podSelector: {{matchExpressions: [{{key: tier, operator: In, values: [front, backend]}}]}}
      ports: [{{port: 8080}}, {{port: 9000, endPort: 9100}}]
"""
    if index % 7 == 0:
        ingress += """    - from:
        - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
"""
    types = "[Ingress]"
    egress = ""
    if index % 5 != 0:
        types = "[Ingress, Egress]"
        egress = """  egress:
    - to:
        - namespaceSelector: {}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{protocol: UDP, port: 53}]
"""
        for callee, callee_namespace in callees:
            egress += f"""    - to:
        - namespaceSelector: {{matchLabels: {{kubernetes.io/metadata.name: {callee_namespace}}}}}
          podSelector: {{matchLabels: {{app: {callee}}}}}
      ports: [{{port: http}}]
"""
        if index % 9 == 0:
            egress += """    - to:
        - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}
      ports: [{port: 443}]
"""
    return network_policy(name, namespace, f"""  policyTypes: {types}
  ingress:
{ingress}{egress}""")


def network_policy(name, namespace, rules):
    """A NetworkPolicy selecting the pods of workload `name`, with `rules` (YAML under spec)."""
    return f"""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {name}
  namespace: {namespace}
spec:
  podSelector:
    matchLabels: {{app: {name}}}
{rules}"""


if __name__ == "__main__":
    main()
