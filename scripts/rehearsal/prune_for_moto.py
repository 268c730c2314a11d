#!/usr/bin/env python3
"""Leaves out of an expanded template what moto's CloudFormation cannot create, and says which and why.

A resource goes when moto (with the Cognito models of cognito_stack_models.py) has no model for its type, when the
rehearsal leaves its type out on purpose, or when it refers to a resource that went. DependsOn entries and outputs
that name a resource that went are dropped too. Properties moto accepts but does not apply are reported.
Usage: prune_for_moto.py EXPANDED OUTPUT
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import moto  # noqa: E402
import cognito_stack_models  # noqa: E402,F401  (registers the Cognito models)
from moto.cloudformation.parsing import get_model_map  # noqa: E402

LEFT_OUT_ON_PURPOSE = {
    "AWS::Lambda::EventSourceMapping": "moto would run the Worker in Docker for each message and take the jobs off "
    "the queue; the rehearsal's Worker polls the stack's queue itself",
}

# Properties that point at a left-out resource (the CloudFront distribution of the site) and are dropped from a
# resource the rehearsal keeps, rather than losing the resource with them.
DETACHED_WITH_LEFT_OUT = {
    "AWS::Cognito::UserPoolClient": {
        "CallbackURLs": "the site's sign-in return address is on the CloudFront distribution",
        "LogoutURLs": "the site's sign-out return address is on the CloudFront distribution",
    },
    "AWS::S3::Bucket": {
        "CorsConfiguration": "the allowed origins include the CloudFront distribution's (and moto ignores CORS anyway)",
    },
    # A dotted name reaches into the property: one environment variable goes, not the function's whole environment.
    "AWS::Lambda::Function": {
        "Environment.Variables.BoxOffice__Cors__AllowedOrigins": "the Api's CORS origins include the CloudFront "
        "distribution's (the rehearsal calls the Api without a browser)",
        "Environment.Variables.AllowedHosts": "the Api's host is the HTTP API's domain (the rehearsal reaches the Api on "
        "loopback and sets AllowedHosts to 127.0.0.1)",
    },
}

# Properties moto's models read nothing of (moto 5.2: a bucket takes its name, encryption and tags; a table its keys,
# indexes, billing mode, encryption, streams and deletion protection).
IGNORED_PROPERTIES = {
    "AWS::S3::Bucket": {
        "PublicAccessBlockConfiguration": "moto's bucket model reads only name, encryption and tags",
        "OwnershipControls": "moto's bucket model reads only name, encryption and tags",
        "CorsConfiguration": "moto's bucket model reads only name, encryption and tags",
        "LifecycleConfiguration": "moto's bucket model reads only name, encryption and tags; moto never expires objects",
        "NotificationConfiguration": "moto's bucket model reads only name, encryption and tags; "
        "the rehearsal puts the template's own configuration through the S3 API",
    },
    "AWS::DynamoDB::Table": {
        "TimeToLiveSpecification": "moto's table model does not read it",
        "PointInTimeRecoverySpecification": "moto's table model does not read it",
    },
}


def references(node, found):
    if isinstance(node, dict):
        if "Ref" in node and isinstance(node["Ref"], str):
            found.add(node["Ref"])
        if "Fn::GetAtt" in node:
            att = node["Fn::GetAtt"]
            found.add(att[0] if isinstance(att, list) else att.split(".")[0])
        if "Fn::Sub" in node:
            text = node["Fn::Sub"][0] if isinstance(node["Fn::Sub"], list) else node["Fn::Sub"]
            found.update(m.group(1) for m in re.finditer(r"\$\{([A-Za-z0-9]+)", text))
        for value in node.values():
            references(value, found)
    elif isinstance(node, list):
        for item in node:
            references(item, found)
    return found


def pin_number_map_keys(node, parameters):
    """moto reads Number parameters as numbers, so a FindInMap keyed by one misses the mapping's text keys (real
    CloudFormation passes text). The rehearsal deploys such parameters at their defaults, so the key is pinned to it."""
    if isinstance(node, dict):
        args = node.get("Fn::FindInMap")
        if isinstance(args, list) and isinstance(args[1], dict) and "Ref" in args[1]:
            parameter = parameters.get(args[1]["Ref"])
            if parameter and parameter.get("Type") == "Number":
                print(f"  pinned    FindInMap key {args[1]['Ref']} to its default {parameter['Default']} "
                      "(moto looks Number parameters up as numbers)")
                args[1] = str(parameter["Default"])
        for value in node.values():
            pin_number_map_keys(value, parameters)
    elif isinstance(node, list):
        for item in node:
            pin_number_map_keys(item, parameters)


def main():
    source, target = sys.argv[1], sys.argv[2]
    template = json.load(open(source, encoding="utf-8"))
    resources = template["Resources"]
    supported = set(get_model_map())
    gone = {}

    for logical_id, resource in resources.items():
        kind = resource["Type"]
        if kind in LEFT_OUT_ON_PURPOSE:
            gone[logical_id] = LEFT_OUT_ON_PURPOSE[kind]
        elif kind not in supported:
            gone[logical_id] = f"moto {moto.__version__} has no CloudFormation model for {kind}"

    changed = True
    while changed:
        changed = False
        for logical_id, resource in resources.items():
            if logical_id in gone:
                continue
            properties = resource.get("Properties", {})
            for prop, reason in DETACHED_WITH_LEFT_OUT.get(resource["Type"], {}).items():
                *path, name = prop.split(".")
                holder = properties
                for step in path:
                    holder = holder.get(step, {}) if isinstance(holder, dict) else {}
                if name in holder and references(holder[name], set()) & set(gone):
                    print(f"  detached  {logical_id}.{prop}: {reason}")
                    del holder[name]
            body = {k: v for k, v in resource.items() if k != "DependsOn"}
            missing = sorted(references(body, set()) & set(gone))
            if missing:
                gone[logical_id] = f"refers to {', '.join(missing)}, which is left out"
                changed = True

    for logical_id, reason in gone.items():
        print(f"  left out  {resources[logical_id]['Type']:<36} {logical_id}: {reason}")
        del resources[logical_id]
    # The rehearsal runs both functions with their stack settings: losing one is a template change to handle here.
    lost = [f for f in ("ApiFunction", "WorkerFunction") if f in gone]
    if lost:
        sys.exit(f"prune_for_moto: {', '.join(lost)} would be left out; detach what ties it to a left-out resource")

    for logical_id, resource in resources.items():
        depends = resource.get("DependsOn")
        if depends is not None:
            depends = [depends] if isinstance(depends, str) else depends
            kept = [d for d in depends if d not in gone]
            for d in depends:
                if d in gone:
                    print(f"  dropped   DependsOn {d} of {logical_id}")
            if kept:
                resource["DependsOn"] = kept
            else:
                del resource["DependsOn"]
        for prop, reason in IGNORED_PROPERTIES.get(resource["Type"], {}).items():
            if prop in resource.get("Properties", {}):
                print(f"  not applied {logical_id}.{prop}: {reason}")

    pin_number_map_keys(resources, template.get("Parameters", {}))

    outputs = template.get("Outputs", {})
    for name in [n for n, o in outputs.items() if references(o, set()) & set(gone)]:
        print(f"  dropped   output {name}: refers to a resource left out")
        del outputs[name]

    json.dump(template, open(target, "w", encoding="utf-8"), indent=1)


if __name__ == "__main__":
    main()
