using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShareFlow.Workflows.Persistence;

internal sealed class ProcessDefinitionRecordConfiguration : IEntityTypeConfiguration<ProcessDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ProcessDefinitionRecord> builder)
    {
        builder.ToTable("process_definitions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(r => r.Key).HasColumnName("key").HasMaxLength(255);
        builder.Property(r => r.Version).HasColumnName("version");
        builder.Property(r => r.Name).HasColumnName("name").HasMaxLength(255);
        builder.Property(r => r.Xml).HasColumnName("xml");
        builder.Property(r => r.ContentHash).HasColumnName("content_hash").HasMaxLength(64);
        builder.Property(r => r.PublishedAt).HasColumnName("published_at");
        builder.Property(r => r.PublishedBy).HasColumnName("published_by").HasMaxLength(128);
        builder.HasIndex(r => new { r.Key, r.Version }).IsUnique().HasDatabaseName("ix_process_definitions_key_version");
    }
}

internal sealed class ProcessInstanceRecordConfiguration : IEntityTypeConfiguration<ProcessInstanceRecord>
{
    public void Configure(EntityTypeBuilder<ProcessInstanceRecord> builder)
    {
        builder.ToTable("process_instances");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.DefinitionId).HasColumnName("definition_id");
        builder.Property(r => r.DefinitionKey).HasColumnName("definition_key").HasMaxLength(255);
        builder.Property(r => r.DefinitionVersion).HasColumnName("definition_version");
        builder.Property(r => r.BusinessKey).HasColumnName("business_key").HasMaxLength(255);
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(r => r.Variables).HasColumnName("variables");
        builder.Property(r => r.State).HasColumnName("state");
        builder.Property(r => r.Jurisdiction).HasColumnName("jurisdiction").HasMaxLength(32);
        builder.Property(r => r.ParentInstanceId).HasColumnName("parent_instance_id");
        builder.Property(r => r.ParentTokenId).HasColumnName("parent_token_id");
        builder.Property(r => r.StartedAt).HasColumnName("started_at");
        builder.Property(r => r.StartedBy).HasColumnName("started_by").HasMaxLength(128);
        builder.Property(r => r.EndedAt).HasColumnName("ended_at");
        builder.Property(r => r.EndReason).HasColumnName("end_reason").HasMaxLength(1000);
        builder.Property(r => r.OpenIncidents).HasColumnName("open_incidents");
        builder.Property(r => r.Revision).HasColumnName("revision").IsConcurrencyToken();
        builder.HasIndex(r => r.BusinessKey).HasDatabaseName("ix_process_instances_business_key");
        builder.HasIndex(r => new { r.DefinitionKey, r.Status }).HasDatabaseName("ix_process_instances_definition_key_status");
        builder.HasIndex(r => r.ParentInstanceId).HasDatabaseName("ix_process_instances_parent_instance_id").HasFilter("parent_instance_id IS NOT NULL");
    }
}

internal sealed class UserTaskRecordConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder)
    {
        builder.ToTable("user_tasks");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.TokenId).HasColumnName("token_id");
        builder.Property(r => r.ElementId).HasColumnName("element_id").HasMaxLength(255);
        builder.Property(r => r.Name).HasColumnName("name").HasMaxLength(255);
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(r => r.CandidateDepartment).HasColumnName("candidate_department").HasMaxLength(128);
        builder.Property(r => r.CandidateRole).HasColumnName("candidate_role").HasMaxLength(64);
        builder.Property(r => r.Assignee).HasColumnName("assignee").HasMaxLength(128);
        builder.Property(r => r.FormKey).HasColumnName("form_key").HasMaxLength(255);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.DueBasisDate).HasColumnName("due_basis_date");
        builder.Property(r => r.DueDays).HasColumnName("due_days");
        builder.Property(r => r.DueDayKind).HasColumnName("due_day_kind").HasMaxLength(16);
        builder.Property(r => r.DueDate).HasColumnName("due_date");
        builder.Property(r => r.DueAt).HasColumnName("due_at");
        builder.Property(r => r.DueProvisional).HasColumnName("due_provisional");
        builder.Property(r => r.LoopIndex).HasColumnName("loop_index");
        builder.Property(r => r.LocalVariables).HasColumnName("local_variables");
        builder.Property(r => r.SuspendedAt).HasColumnName("suspended_at");
        builder.Property(r => r.RemainingDays).HasColumnName("remaining_days");
        builder.Property(r => r.EndedAt).HasColumnName("ended_at");
        builder.Property(r => r.CompletedBy).HasColumnName("completed_by").HasMaxLength(128);
        builder.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(64);
        builder.Property(r => r.Comment).HasColumnName("comment").HasMaxLength(4000);
        builder.Property(r => r.Revision).HasColumnName("revision").IsConcurrencyToken();
        builder.HasIndex(r => r.InstanceId).HasDatabaseName("ix_user_tasks_instance_id");
        builder.HasIndex(r => new { r.Status, r.CandidateDepartment, r.CandidateRole }).HasDatabaseName("ix_user_tasks_status_candidates");
        builder.HasIndex(r => new { r.Status, r.Assignee }).HasDatabaseName("ix_user_tasks_status_assignee").HasFilter("assignee IS NOT NULL");
    }
}

internal sealed class WaitRecordConfiguration : IEntityTypeConfiguration<WaitRecord>
{
    public void Configure(EntityTypeBuilder<WaitRecord> builder)
    {
        builder.ToTable("waits");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.TokenId).HasColumnName("token_id");
        builder.Property(r => r.ElementId).HasColumnName("element_id").HasMaxLength(255);
        builder.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(16);
        builder.Property(r => r.DueAt).HasColumnName("due_at");
        builder.Property(r => r.Provisional).HasColumnName("provisional");
        builder.Property(r => r.BasisDate).HasColumnName("basis_date");
        builder.Property(r => r.BasisDays).HasColumnName("basis_days");
        builder.Property(r => r.BasisDayKind).HasColumnName("basis_day_kind").HasMaxLength(16);
        builder.Property(r => r.RepeatsLeft).HasColumnName("repeats_left");
        builder.Property(r => r.RepeatPeriod).HasColumnName("repeat_period").HasMaxLength(64);
        builder.Property(r => r.MessageName).HasColumnName("message_name").HasMaxLength(255);
        builder.Property(r => r.CorrelationKey).HasColumnName("correlation_key").HasMaxLength(255);
        builder.Property(r => r.Attempts).HasColumnName("attempts");
        builder.Property(r => r.LastError).HasColumnName("last_error").HasMaxLength(4000);
        builder.Property(r => r.IsIncident).HasColumnName("is_incident");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(r => r.InstanceId).HasDatabaseName("ix_waits_instance_id");
        builder.HasIndex(r => new { r.Kind, r.DueAt }).HasDatabaseName("ix_waits_kind_due_at");
        builder.HasIndex(r => new { r.MessageName, r.CorrelationKey }).HasDatabaseName("ix_waits_message").HasFilter("message_name IS NOT NULL");
    }
}

internal sealed class HistoryRecordConfiguration : IEntityTypeConfiguration<HistoryRecord>
{
    public void Configure(EntityTypeBuilder<HistoryRecord> builder)
    {
        builder.ToTable("history");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.At).HasColumnName("at");
        builder.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(32);
        builder.Property(r => r.ElementId).HasColumnName("element_id").HasMaxLength(255);
        builder.Property(r => r.ElementName).HasColumnName("element_name").HasMaxLength(255);
        builder.Property(r => r.TaskId).HasColumnName("task_id");
        builder.Property(r => r.Actor).HasColumnName("actor").HasMaxLength(128);
        builder.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(64);
        builder.Property(r => r.Comment).HasColumnName("comment").HasMaxLength(4000);
        builder.Property(r => r.Data).HasColumnName("data");
        builder.HasIndex(r => r.InstanceId).HasDatabaseName("ix_history_instance_id");
        builder.HasIndex(r => r.At).HasDatabaseName("ix_history_timer_fired_at").HasFilter("kind = 'timer-fired'");
        builder.HasIndex(r => new { r.Actor, r.Kind }).HasDatabaseName("ix_history_actor_kind").HasFilter(ActorIndexFilter);
    }

    /// <summary>The history rows a clerk's lists read by actor: steps someone took on a task.</summary>
    internal const string ActorIndexFilter = "actor IS NOT NULL AND task_id IS NOT NULL";
}

internal sealed class OutboxRecordConfiguration : IEntityTypeConfiguration<OutboxRecord>
{
    public void Configure(EntityTypeBuilder<OutboxRecord> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(r => r.InstanceId).HasColumnName("instance_id");
        builder.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(64);
        builder.Property(r => r.Payload).HasColumnName("payload");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.ProcessedAt).HasColumnName("processed_at");
        builder.Property(r => r.Attempts).HasColumnName("attempts");
        builder.Property(r => r.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(r => r.LastError).HasColumnName("last_error").HasMaxLength(4000);
        builder.HasIndex(r => r.ProcessedAt).HasDatabaseName("ix_outbox_processed_at");
    }
}
