using System.Collections.Frozen;

namespace DrChongClinic.Domain;

/// <summary>
/// Letters without their accents ("é" is "e", "Ệ" is "E"), for search and for doctors' page addresses. The site runs
/// without ICU, where <c>string.Normalize(NormalizationForm.FormD)</c> does not take letters apart, so they are listed
/// here: every character that Unicode decomposes (canonically) into a letter a-z and accents, taken from ICU 72. That
/// is Latin-1, Latin Extended-A, B and Additional (Vietnamese), and the Kelvin and Angstrom signs (U+212A, U+212B).
/// Any other character is itself; accents written as separate combining marks are for the caller to drop.
/// </summary>
public static class Accents
{
    private static readonly FrozenDictionary<char, char> Plain = new Dictionary<char, string>
    {
        ['A'] = "ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦḀẠẢẤẦẨẪẬẮẰẲẴẶ\u212B",
        ['B'] = "ḂḄḆ",
        ['C'] = "ÇĆĈĊČḈ",
        ['D'] = "ĎḊḌḎḐḒ",
        ['E'] = "ÈÉÊËĒĔĖĘĚȄȆȨḔḖḘḚḜẸẺẼẾỀỂỄỆ",
        ['F'] = "Ḟ",
        ['G'] = "ĜĞĠĢǦǴḠ",
        ['H'] = "ĤȞḢḤḦḨḪ",
        ['I'] = "ÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊ",
        ['J'] = "Ĵ",
        ['K'] = "ĶǨḰḲḴ\u212A",
        ['L'] = "ĹĻĽḶḸḺḼ",
        ['M'] = "ḾṀṂ",
        ['N'] = "ÑŃŅŇǸṄṆṈṊ",
        ['O'] = "ÒÓÔÕÖŌŎŐƠǑǪǬȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢ",
        ['P'] = "ṔṖ",
        ['R'] = "ŔŖŘȐȒṘṚṜṞ",
        ['S'] = "ŚŜŞŠȘṠṢṤṦṨ",
        ['T'] = "ŢŤȚṪṬṮṰ",
        ['U'] = "ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖṲṴṶṸṺỤỦỨỪỬỮỰ",
        ['V'] = "ṼṾ",
        ['W'] = "ŴẀẂẄẆẈ",
        ['X'] = "ẊẌ",
        ['Y'] = "ÝŶŸȲẎỲỴỶỸ",
        ['Z'] = "ŹŻŽẐẒẔ",
        ['a'] = "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ",
        ['b'] = "ḃḅḇ",
        ['c'] = "çćĉċčḉ",
        ['d'] = "ďḋḍḏḑḓ",
        ['e'] = "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ",
        ['f'] = "ḟ",
        ['g'] = "ĝğġģǧǵḡ",
        ['h'] = "ĥȟḣḥḧḩḫẖ",
        ['i'] = "ìíîïĩīĭįǐȉȋḭḯỉị",
        ['j'] = "ĵǰ",
        ['k'] = "ķǩḱḳḵ",
        ['l'] = "ĺļľḷḹḻḽ",
        ['m'] = "ḿṁṃ",
        ['n'] = "ñńņňǹṅṇṉṋ",
        ['o'] = "òóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ",
        ['p'] = "ṕṗ",
        ['r'] = "ŕŗřȑȓṙṛṝṟ",
        ['s'] = "śŝşšșṡṣṥṧṩ",
        ['t'] = "ţťțṫṭṯṱẗ",
        ['u'] = "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự",
        ['v'] = "ṽṿ",
        ['w'] = "ŵẁẃẅẇẉẘ",
        ['x'] = "ẋẍ",
        ['y'] = "ýÿŷȳẏẙỳỵỷỹ",
        ['z'] = "źżžẑẓẕ",
    }.SelectMany(letter => letter.Value.Select(accented => KeyValuePair.Create(accented, letter.Key))).ToFrozenDictionary();

    /// <summary>The letter without its accents; any other character as it is.</summary>
    public static char Remove(char c) => c < 128 ? c : Plain.GetValueOrDefault(c, c);
}
