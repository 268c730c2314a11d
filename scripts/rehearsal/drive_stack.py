#!/usr/bin/env python3
"""Drives a running Box office (AWS shape) through the stack: sign-in, a show, its poster, an order, a report.

Creates an admin and a customer in the stack's user pool and signs both in (admin auth flow) for access tokens;
the admin creates a show and uploads its poster through the presigned PUT (the Worker inspects it and publishes a copy); the
customer orders and waits until the Worker has confirmed the order with ticket codes and a downloadable PDF; the
admin asks for a sales report and lists the dead letters. Every wait is bounded.
Usage: drive_stack.py API_URL AWS_ENDPOINT USER_POOL_ID CLIENT_ID
"""
import base64
import json
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

import boto3

PASSWORD = "Rehearsal-Passw0rd!"
# A complete 1x1 PNG, which the Worker's inspection accepts.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
JOB_SECONDS = 90


def step(text):
    print(f"  - {text}", flush=True)


def call(method, url, token=None, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return response.status, dict(response.headers), raw
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def expect(status, wanted, raw, what):
    if status != wanted:
        sys.exit(f"rehearsal: {what} answered {status}, expected {wanted}: {raw[:500]!r}")


def get_json(url, token, what):
    status, _, raw = call("GET", url, token)
    expect(status, 200, raw, what)
    return json.loads(raw)


def eventually(url, token, done, what):
    """GETs url until done(body) holds, for at most JOB_SECONDS."""
    deadline = time.monotonic() + JOB_SECONDS
    while True:
        body = get_json(url, token, what)
        if done(body):
            return body
        if time.monotonic() > deadline:
            sys.exit(f"rehearsal: {what} not done within {JOB_SECONDS} s: {body}")
        time.sleep(0.5)


def download(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def sign_in(cognito, pool_id, client_id, email, groups):
    cognito.admin_create_user(UserPoolId=pool_id, Username=email, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}])
    cognito.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=PASSWORD, Permanent=True)
    for group in groups:
        cognito.admin_add_user_to_group(UserPoolId=pool_id, Username=email, GroupName=group)
    result = cognito.admin_initiate_auth(UserPoolId=pool_id, ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                         AuthParameters={"USERNAME": email, "PASSWORD": PASSWORD})
    return result["AuthenticationResult"]["AccessToken"]


def main():
    api, endpoint, pool_id, client_id = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
    cognito = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1")

    status, _, raw = call("GET", f"{api}/health/ready")
    expect(status, 200, raw, "GET /health/ready")
    step("ready: every dependency of the stack answers")

    admin = sign_in(cognito, pool_id, client_id, "admin@rehearsal.example", ["admin"])
    customer = sign_in(cognito, pool_id, client_id, "fan@rehearsal.example", [])
    step("signed in an admin and a customer with Cognito access tokens (from the stack's pool and client)")

    status, _, raw = call("GET", f"{api}/me", customer)
    expect(status, 200, raw, "GET /me")

    starts = (datetime.now(timezone.utc) + timedelta(days=30)).isoformat()
    show = {"title": "Rehearsal night", "venue": "Main hall", "startsAt": starts, "capacity": 50, "price": 25.0, "onSale": True}
    status, _, raw = call("POST", f"{api}/shows", admin, show)
    expect(status, 201, raw, "POST /shows")
    show_id = json.loads(raw)["showId"]
    step(f"admin created show {show_id}")

    status, _, raw = call("POST", f"{api}/shows/{show_id}/poster", admin, {"contentType": "image/png", "contentLength": len(PNG)})
    expect(status, 200, raw, "POST /shows/{id}/poster")
    upload = json.loads(raw)
    put = urllib.request.Request(upload["uploadUrl"], data=PNG, method=upload["method"])
    for name, value in upload["headers"].items():
        put.add_header(name, value)
    with urllib.request.urlopen(put, timeout=30) as response:
        expect(response.status, 200, b"", "the presigned poster PUT")
    show = eventually(f"{api}/shows/{show_id}", None, lambda s: s["posterStatus"] != "Pending", "the poster inspection")
    if show["posterStatus"] != "Published" or download(show["posterUrl"]) != PNG:
        sys.exit(f"rehearsal: the poster was not published as uploaded: {show}")
    step(f"poster uploaded to the stack's bucket with the signed headers ({', '.join(sorted(upload['headers']))}); the Worker published it")

    status, headers, raw = call("POST", f"{api}/shows/{show_id}/orders", customer, {"quantity": 2},
                                {"Idempotency-Key": str(uuid.uuid4())})
    expect(status, 202, raw, "POST /shows/{id}/orders")
    order_id = json.loads(raw)["orderId"]
    step(f"customer placed order {order_id} (202, {json.loads(raw)['status']})")

    order = eventually(f"{api}/orders/{order_id}", customer, lambda o: o["status"] != "Pending", "the order confirmation")
    if order["status"] != "Confirmed" or len(order["tickets"]) != 2 or not order.get("ticketDocumentUrl"):
        sys.exit(f"rehearsal: confirmed order lacks tickets or document: {order}")
    step(f"the Worker confirmed it: tickets {', '.join(order['tickets'])}")

    mine = get_json(f"{api}/orders?limit=10", customer, "GET /orders")
    on_sale = get_json(f"{api}/shows?limit=50", None, "GET /shows")
    if [o["orderId"] for o in mine["items"]] != [order_id] or show_id not in [s["showId"] for s in on_sale["items"]]:
        sys.exit(f"rehearsal: the lists do not show the order and the show: {mine} {on_sale}")
    step("the customer's orders and the shows on sale list them")

    document = download(order["ticketDocumentUrl"])
    if not document.startswith(b"%PDF"):
        sys.exit("rehearsal: the ticket document is not a PDF")
    step(f"downloaded the ticket document from the stack's bucket ({len(document)} bytes of PDF)")

    status, _, raw = call("POST", f"{api}/reports/sales", admin)
    expect(status, 202, raw, "POST /reports/sales")
    report_id = json.loads(raw)["reportId"]
    report = eventually(f"{api}/reports/{report_id}", admin, lambda r: r["status"] != "Pending", "the sales report")
    if report["status"] != "Ready" or show_id not in download(report["downloadUrl"]).decode():
        sys.exit(f"rehearsal: the sales report is not ready or lacks the show: {report}")
    step("the Worker wrote the sales report CSV to the bucket; it lists the show")

    letters = get_json(f"{api}/admin/dead-letters", admin, "GET /admin/dead-letters")
    if letters:
        sys.exit(f"rehearsal: jobs ended in the dead-letter queue: {letters}")
    step("no dead letters")


if __name__ == "__main__":
    main()
