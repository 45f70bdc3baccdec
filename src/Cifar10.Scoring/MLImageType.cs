using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Scoring;

/// <summary>
/// ML.NET maps a class member of type <c>MLImage</c> to its image column type only once that pair is
/// registered, which its image transforms do only when they first run. Call <see cref="Register"/>
/// before <c>SchemaDefinition.Create</c> on a class with an <c>MLImage</c> member; registering again is a no-op.
/// </summary>
internal static class MLImageType
{
    /// <summary>Registers <c>MLImage</c> as an image of any size; returns that column type.</summary>
    public static ImageDataViewType Register()
    {
        var anySize = new ImageDataViewType();
        DataViewTypeManager.Register(anySize, typeof(MLImage));
        return anySize;
    }
}
