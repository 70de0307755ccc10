using System.Globalization;
using System.Text.RegularExpressions;

namespace ShareFlow.Browser.Tests.Support;

/// <summary>
/// The form controls of the front-end (Element Plus, and native controls where the properties panel uses them), found by
/// their labels and driven as a user would. Element Plus draws its own checkbox, radio and select over a hidden native
/// control, which Playwright will not click directly; these helpers click what the user sees instead.
/// </summary>
internal static class Widgets
{
    /// <summary>The control labelled exactly <paramref name="label"/> (a form item's label or an aria-label).</summary>
    public static ILocator Field(this IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    /// <summary>The button named exactly <paramref name="name"/>.</summary>
    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Chooses <paramref name="option"/> (its visible text, or part of it) in the select labelled <paramref name="label"/>.</summary>
    public static async Task ChooseAsync(this IPage page, string label, string option, ILocator? within = null)
    {
        // A native select and el-select's input are both comboboxes (el-select's list carries the same label, as a listbox).
        var field = within is null
            ? page.GetByRole(AriaRole.Combobox, new() { NameRegex = Labelled(label) })
            : within.GetByRole(AriaRole.Combobox, new() { NameRegex = Labelled(label) });
        if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await field.SelectOptionAsync(new SelectOptionValue { Label = option });
            return;
        }

        // el-select shows the chosen value in a layer over its input: click through to open the list.
        await field.ClickAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    /// <summary>Ticks the checkbox named <paramref name="name"/> (unless it already is).</summary>
    public static async Task TickAsync(this IPage page, string name)
    {
        var box = page.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });
        if (!await box.IsCheckedAsync())
        {
            await page.Locator("label").Filter(new() { Has = box }).ClickAsync();
        }

        await Assertions.Expect(box).ToBeCheckedAsync();
    }

    /// <summary>Chooses the radio option <paramref name="option"/> of the radio group labelled <paramref name="group"/>.</summary>
    public static async Task PickAsync(this IPage page, string group, string option)
    {
        var radios = page.GetByRole(AriaRole.Radiogroup, new() { NameRegex = Labelled(group) });
        var radio = page.GetByRole(AriaRole.Radio, new() { Name = option, Exact = true });
        await radios.Locator("label").Filter(new() { Has = radio }).ClickAsync();
        await Assertions.Expect(radios.GetByRole(AriaRole.Radio, new() { Name = option, Exact = true })).ToBeCheckedAsync();
    }

    /// <summary>Types <paramref name="date"/> as yyyy-MM-dd into the date picker labelled <paramref name="label"/> and confirms it.</summary>
    public static async Task EnterDateAsync(this IPage page, string label, DateOnly date)
    {
        var field = page.Field(label);
        await field.FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await field.PressAsync("Enter");
        await Assertions.Expect(field).Not.ToHaveValueAsync("");
    }

    /// <summary>
    /// The message shown under the form field labelled <paramref name="label"/> (el-form-item's error). Element Plus gives
    /// that message no role or label, so it is found as the error of the form item that holds the field.
    /// </summary>
    public static ILocator ErrorUnder(this IPage page, string label) =>
        page.Locator(".el-form-item").Filter(new() { Has = page.Field(label) }).Locator(".el-form-item__error");

    /// <summary>A message (ElMessage, role alert) containing <paramref name="text"/>.</summary>
    public static ILocator Message(this IPage page, string text) => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = text });

    /// <summary>The table row showing <paramref name="text"/> (e.g. a case number).</summary>
    public static ILocator RowWith(this IPage page, string text) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    /// <summary>
    /// A name given by a form item's label: exactly <paramref name="label"/>, after the asterisk a required item's label
    /// shows (CSS content, which counts in an accessible name).
    /// </summary>
    private static Regex Labelled(string label) => new($"^\\*?\\s*{Regex.Escape(label)}$");
}
