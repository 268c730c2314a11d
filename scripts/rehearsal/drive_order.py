#!/usr/bin/env python3
"""Drives one order through a running Box office (AWS shape) from sign-in to confirmed ticket.

Creates an admin and a customer in the stack's user pool, signs both in for access tokens, creates a show as the
admin, places an order as the customer and waits until the Worker has confirmed it with ticket codes and a
downloadable ticket document. Usage: drive_order.py API_URL AWS_ENDPOINT USER_POOL_ID CLIENT_ID
"""
import json
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

import boto3

PASSWORD = "Rehearsal-Passw0rd!"


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

    status, headers, raw = call("POST", f"{api}/shows/{show_id}/orders", customer, {"quantity": 2},
                                {"Idempotency-Key": str(uuid.uuid4())})
    expect(status, 202, raw, "POST /shows/{id}/orders")
    order_id = json.loads(raw)["orderId"]
    step(f"customer placed order {order_id} (202, {json.loads(raw)['status']})")

    deadline = time.monotonic() + 90
    while True:
        status, _, raw = call("GET", f"{api}/orders/{order_id}", customer)
        expect(status, 200, raw, "GET /orders/{id}")
        order = json.loads(raw)
        if order["status"] == "Confirmed":
            break
        if order["status"] != "Pending" or time.monotonic() > deadline:
            sys.exit(f"rehearsal: order stayed {order['status']}: the Worker did not confirm it in time")
        time.sleep(1)
    if len(order["tickets"]) != 2 or not order.get("ticketDocumentUrl"):
        sys.exit(f"rehearsal: confirmed order lacks tickets or document: {order}")
    step(f"the Worker confirmed it: tickets {', '.join(order['tickets'])}")

    with urllib.request.urlopen(order["ticketDocumentUrl"], timeout=30) as response:
        document = response.read()
    if not document.startswith(b"%PDF"):
        sys.exit("rehearsal: the ticket document is not a PDF")
    step(f"downloaded the ticket document from the stack's bucket ({len(document)} bytes of PDF)")


if __name__ == "__main__":
    main()
