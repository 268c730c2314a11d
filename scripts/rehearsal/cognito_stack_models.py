"""CloudFormation models for Cognito user pools, app clients and groups, registered with moto on import.

moto 5 serves the Cognito user pool API but has no CloudFormation model for its resources, so a stack could not
create the pool from the template. The three models below map the template's properties onto moto's own Cognito
backend; everything else is moto as shipped.
"""
from moto.cognitoidp.models import cognitoidp_backends
from moto.core.common_models import CloudFormationModel


# moto files every model under the service named by its module ("moto.<service>...").
_MODULE = "moto.cognitoidp.stack_resources"


def _backend(account_id, region_name):
    return cognitoidp_backends[account_id][region_name]


class UserPoolResource(CloudFormationModel):
    __module__ = _MODULE

    def __init__(self, pool):
        self.pool = pool

    @staticmethod
    def cloudformation_type():
        return "AWS::Cognito::UserPool"

    @staticmethod
    def cloudformation_name_type():
        return "UserPoolName"

    @property
    def physical_resource_id(self):
        return self.pool.id

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr in ("Arn", "ProviderName", "ProviderURL", "UserPoolId")

    def get_cfn_attribute(self, attribute_name):
        issuer = f"https://cognito-idp.{self.pool.region}.amazonaws.com/{self.pool.id}"
        return {
            "Arn": self.pool.arn,
            "ProviderName": issuer.removeprefix("https://"),
            "ProviderURL": issuer,
            "UserPoolId": self.pool.id,
        }[attribute_name]

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        properties = dict(cloudformation_json.get("Properties", {}))
        name = properties.pop("UserPoolName", resource_name)
        return cls(_backend(account_id, region_name).create_user_pool(name, properties))

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        backend = _backend(account_id, region_name)
        if resource_name in backend.user_pools:
            backend.delete_user_pool(resource_name)


class UserPoolClientResource(CloudFormationModel):
    __module__ = _MODULE

    def __init__(self, client):
        self.client = client

    @staticmethod
    def cloudformation_type():
        return "AWS::Cognito::UserPoolClient"

    @staticmethod
    def cloudformation_name_type():
        return "ClientName"

    @property
    def physical_resource_id(self):
        return self.client.id

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr in ("ClientId", "Name")

    def get_cfn_attribute(self, attribute_name):
        return {"ClientId": self.client.id, "Name": self.client.extended_config.get("ClientName")}[attribute_name]

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        properties = dict(cloudformation_json.get("Properties", {}))
        pool_id = properties.pop("UserPoolId")
        generate_secret = bool(properties.pop("GenerateSecret", False))
        properties.setdefault("ClientName", resource_name)
        return cls(_backend(account_id, region_name).create_user_pool_client(pool_id, generate_secret, properties))


class UserPoolGroupResource(CloudFormationModel):
    __module__ = _MODULE

    def __init__(self, group):
        self.group = group

    @staticmethod
    def cloudformation_type():
        return "AWS::Cognito::UserPoolGroup"

    @staticmethod
    def cloudformation_name_type():
        return "GroupName"

    @property
    def physical_resource_id(self):
        return self.group.group_name

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        properties = cloudformation_json.get("Properties", {})
        group = _backend(account_id, region_name).create_group(
            properties["UserPoolId"],
            properties.get("GroupName", resource_name),
            properties.get("Description"),
            properties.get("RoleArn"),
            properties.get("Precedence"),
        )
        return cls(group)
