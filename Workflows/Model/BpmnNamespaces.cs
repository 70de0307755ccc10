namespace ShareFlow.Workflows.Model;

/// <summary>The XML namespaces the parser reads.</summary>
public static class BpmnNamespaces
{
    /// <summary>BPMN 2.0 semantic model (the prefix is free; bpmn-js writes <c>bpmn:</c>, others none or <c>bpmn2:</c>).</summary>
    public const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>The ShareFlow extension attributes and elements (prefix <c>sf</c> by convention).</summary>
    public const string Extensions = "urn:shareflow:bpmn:1";
}
