#!/usr/bin/env python3
"""Prints the uploads bucket's NotificationConfiguration from the (pruned) stack template in the S3 API's shape.

moto's CloudFormation does not apply a bucket's notifications, so the rehearsal puts the template's own through the
S3 API: same events, same key filter, the stack's job queue. Usage: bucket_notification.py STACK_JSON QUEUE_ARN
"""
import json
import sys


def main():
    template, queue_arn = json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2]
    notification = template["Resources"]["UploadsBucket"]["Properties"]["NotificationConfiguration"]
    queues = []
    for entry in notification["QueueConfigurations"]:
        if entry["Queue"] != {"Fn::GetAtt": ["JobQueue", "Arn"]}:
            sys.exit(f"bucket_notification: expected the job queue, found {entry['Queue']}")
        rules = entry.get("Filter", {}).get("S3Key", {}).get("Rules", [])
        queues.append({
            "QueueArn": queue_arn,
            "Events": [entry["Event"]],
            "Filter": {"Key": {"FilterRules": [{"Name": r["Name"], "Value": r["Value"]} for r in rules]}},
        })
    print(json.dumps({"QueueConfigurations": queues}))


if __name__ == "__main__":
    main()
