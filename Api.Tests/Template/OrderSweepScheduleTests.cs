using BoxOffice.Adapters.Aws.Sqs;
using BoxOffice.Core.Jobs;
using BoxOffice.Core.Orders;

namespace BoxOffice.Api.Tests.Template;

/// <summary>The order sweep is queued by EventBridge Scheduler, with a body the Worker reads as the sweep job.</summary>
public class OrderSweepScheduleTests
{
    private readonly ServerlessTemplate _template = ServerlessTemplate.Load();

    [Fact]
    public void A_schedule_sends_the_sweep_job_to_the_job_queue_as_often_as_the_app_sweeps()
    {
        var schedule = Assert.Single(_template.IdsOfType("AWS::Scheduler::Schedule"));
        var props = _template.Properties(schedule);
        var target = props["Target"]!;

        Assert.Equal("JobQueue", ServerlessTemplate.Target(target["Arn"]));
        Assert.Equal($"rate({new OrderOptions().SweepInterval.TotalMinutes} minutes)", props["ScheduleExpression"]!.GetValue<string>());
        Assert.Equal("ENABLED", props["State"]!.GetValue<string>());
        // EventBridge Scheduler sends the body alone: no message attributes, so the type travels in it.
        var jobs = SqsJobMapping.ToJobs(target["Input"]!.GetValue<string>(), new Dictionary<string, string>());
        Assert.Equal(JobTypes.OrdersSweep, Assert.Single(jobs).Type);
    }

    [Fact]
    public void The_schedule_has_a_role_of_its_own_trusted_by_the_scheduler_only()
    {
        var roleId = ServerlessTemplate.Target(_template.Properties("OrderSweepSchedule")["Target"]!["RoleArn"]);

        Assert.Equal("SchedulerRole", roleId);
        var trust = Assert.Single(_template.Properties(roleId!)["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("scheduler.amazonaws.com", trust["Principal"]!["Service"]!.GetValue<string>());
        Assert.NotNull(trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]);
    }

    [Fact]
    public void A_body_naming_any_other_type_is_not_read_as_a_scheduled_job()
    {
        var jobs = SqsJobMapping.ToJobs("""{"type":"order.placed","orderId":"o-1"}""", new Dictionary<string, string>());

        Assert.Equal(SqsJobMapping.UnrecognizedType, Assert.Single(jobs).Type);
    }
}
